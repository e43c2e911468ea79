/** The QR decoder (html5-qrcode with zxing), loaded only when a camera preview is shown. */
export { Html5Qrcode, Html5QrcodeSupportedFormats } from 'html5-qrcode';
