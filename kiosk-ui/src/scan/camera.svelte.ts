import { type CameraProblem, classifyCameraError } from './camera-errors';

export type CameraStatus = 'off' | 'starting' | 'running' | CameraProblem;

const STORAGE_KEY = 'kiosk.cameraId';

type Engine = typeof import('./qr-engine');
type Scanner = InstanceType<Engine['Html5Qrcode']>;

interface Attachment {
  elementId: string;
  fps: number;
  onCode: (text: string) => void;
}

let ignoringInterruptedPreview = false;

/**
 * html5-qrcode starts its preview with `video.play()` and leaves that promise unhandled. When the
 * preview leaves the page while it starts (a staff card scanned the moment Start shows opens the
 * staff console), the browser rejects it with an AbortError that means nothing here; it is
 * dropped instead of being reported as an error of the page.
 */
function ignoreInterruptedPreview(): void {
  if (ignoringInterruptedPreview) return;
  ignoringInterruptedPreview = true;
  window.addEventListener('unhandledrejection', (event) => {
    const reason: unknown = event.reason;
    if (reason instanceof DOMException && reason.name === 'AbortError' && /play\(\) request/.test(reason.message)) {
      event.preventDefault();
    }
  });
}

/**
 * The camera and its QR decoder. A preview component attaches an element; the decoder (a large
 * library) is imported on first use. Start and stop are queued one after another, because the
 * library cannot stop a camera that is still starting. The camera chosen with "use another
 * camera" is remembered across restarts; an unplugged camera is noticed and picked up again when
 * it comes back.
 */
class Camera {
  status = $state<CameraStatus>('off');
  cameraCount = $state(0);
  private scanner: Scanner | null = null;
  private attached: Attachment | null = null;
  private queue: Promise<void> = Promise.resolve();
  private watchingDevices = false;

  attach(elementId: string, onCode: (text: string) => void, fps = 10): () => void {
    const attachment: Attachment = { elementId, fps, onCode };
    this.attached = attachment;
    this.watchDevices();
    this.enqueue(() => this.open(attachment));
    return () => {
      if (this.attached === attachment) this.attached = null;
      this.enqueue(() => this.close());
    };
  }

  /** Moves to the next camera and remembers it. */
  switchCamera(): void {
    const attachment = this.attached;
    if (!attachment) return;
    this.enqueue(async () => {
      const cameras = await listCameras();
      if (cameras.length < 2) return;
      const current = this.currentDeviceId();
      const index = cameras.findIndex((camera) => camera.deviceId === current);
      const next = cameras[(index + 1) % cameras.length]!;
      remember(next.deviceId);
      await this.close();
      await this.open(attachment);
    });
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task, task).catch(() => undefined);
  }

  private async open(attachment: Attachment): Promise<void> {
    if (this.attached !== attachment || this.scanner) return;
    this.status = 'starting';
    if (!navigator.mediaDevices?.getUserMedia) {
      // No camera API at all: an insecure origin (see the README on tablets on the store LAN) or a browser without one.
      this.status = window.isSecureContext ? 'noCamera' : 'denied';
      return;
    }
    let cameras: MediaDeviceInfo[];
    try {
      cameras = await listCameras();
    } catch (error) {
      this.status = classifyCameraError(error);
      return;
    }
    this.cameraCount = cameras.length;
    if (cameras.length === 0) {
      this.status = 'noCamera';
      return;
    }
    const engine = await import('./qr-engine');
    ignoreInterruptedPreview();
    if (this.attached !== attachment || !document.getElementById(attachment.elementId)) {
      this.status = 'off';
      return;
    }
    const saved = recall();
    const chosen =
      cameras.find((camera) => camera.deviceId && camera.deviceId === saved)?.deviceId ?? cameras[0]!.deviceId;
    const scanner = new engine.Html5Qrcode(attachment.elementId, {
      verbose: false,
      formatsToSupport: [engine.Html5QrcodeSupportedFormats.QR_CODE],
    });
    try {
      await scanner.start(
        chosen ? { deviceId: { exact: chosen } } : { facingMode: 'user' },
        { fps: attachment.fps, disableFlip: false },
        (text) => this.attached?.onCode(text),
        undefined,
      );
    } catch (error) {
      safeClear(scanner);
      if (chosen && chosen === saved && /NotFound|Overconstrained/i.test(String(error))) forget();
      this.status = classifyCameraError(error);
      return;
    }
    this.scanner = scanner;
    this.status = 'running';
    this.watchTrack(attachment);
  }

  private async close(): Promise<void> {
    const scanner = this.scanner;
    this.scanner = null;
    if (scanner) {
      try {
        if (scanner.isScanning) await scanner.stop();
      } catch {
        // Already stopped (camera unplugged).
      }
      safeClear(scanner);
    }
    if (!this.attached) this.status = 'off';
  }

  private currentDeviceId(): string | undefined {
    try {
      return this.scanner?.getRunningTrackSettings().deviceId;
    } catch {
      return undefined;
    }
  }

  /** The preview's video track ends when the camera is unplugged. */
  private watchTrack(attachment: Attachment): void {
    const video = document.querySelector<HTMLVideoElement>(`#${attachment.elementId} video`);
    const stream = video?.srcObject;
    if (!(stream instanceof MediaStream)) return;
    for (const track of stream.getVideoTracks()) {
      track.addEventListener(
        'ended',
        () => {
          if (this.attached !== attachment) return;
          this.enqueue(async () => {
            await this.close();
            this.status = 'unplugged';
          });
        },
        { once: true },
      );
    }
  }

  /** A camera plugged in (again): try to start if the preview is waiting for one. */
  private watchDevices(): void {
    if (this.watchingDevices || !navigator.mediaDevices?.addEventListener) return;
    this.watchingDevices = true;
    navigator.mediaDevices.addEventListener('devicechange', () => {
      const attachment = this.attached;
      if (!attachment || this.status === 'running' || this.status === 'starting') return;
      this.enqueue(() => this.open(attachment));
    });
  }
}

async function listCameras(): Promise<MediaDeviceInfo[]> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.filter((device) => device.kind === 'videoinput');
}

function safeClear(scanner: Scanner): void {
  try {
    scanner.clear();
  } catch {
    // Nothing rendered.
  }
}

function recall(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function remember(deviceId: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, deviceId);
  } catch {
    // Storage full or disabled: the choice lasts until the page reloads.
  }
}

function forget(): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // See remember().
  }
}

export const camera = new Camera();
