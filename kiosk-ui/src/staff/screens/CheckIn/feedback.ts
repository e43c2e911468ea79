/**
 * Sounds for a check-in line: a rising two-note chime when a card is accepted, a low buzz when it
 * is refused, so the admin hears the result while looking at the resident, not the screen.
 */
type Outcome = 'ok' | 'refused';

const NOTES: Record<Outcome, { hz: number; at: number; length: number; wave: OscillatorType }[]> = {
  ok: [
    { hz: 880, at: 0, length: 0.12, wave: 'sine' },
    { hz: 1320, at: 0.13, length: 0.18, wave: 'sine' },
  ],
  refused: [{ hz: 196, at: 0, length: 0.45, wave: 'square' }],
};

let context: AudioContext | null = null;

export function chime(outcome: Outcome): void {
  try {
    context ??= new AudioContext();
    const start = context.currentTime;
    for (const note of NOTES[outcome]) {
      const oscillator = new OscillatorNode(context, { frequency: note.hz, type: note.wave });
      const gain = new GainNode(context, { gain: 0.2 });
      gain.gain.setTargetAtTime(0, start + note.at + note.length * 0.7, 0.03);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + note.at);
      oscillator.stop(start + note.at + note.length);
    }
  } catch {
    // No sound device: the coloured banner still says it.
  }
}
