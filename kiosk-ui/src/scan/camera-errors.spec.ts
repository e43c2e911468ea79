import { describe, expect, it } from 'vitest';
import { classifyCameraError } from './camera-errors';

describe('classifyCameraError', () => {
  it('recognises a refused permission from html5-qrcode', () => {
    expect(classifyCameraError('Error getting userMedia, error = NotAllowedError: Permission denied')).toBe('denied');
  });

  it('recognises a refused permission from getUserMedia', () => {
    expect(classifyCameraError({ name: 'NotAllowedError', message: 'Permission dismissed' })).toBe('denied');
  });

  it('recognises a missing camera', () => {
    expect(classifyCameraError('Error getting userMedia, error = NotFoundError: Requested device not found')).toBe(
      'noCamera',
    );
    expect(classifyCameraError({ name: 'OverconstrainedError', message: '' })).toBe('noCamera');
  });

  it('reports anything else as a camera failure', () => {
    expect(classifyCameraError('Error getting userMedia, error = NotReadableError: Could not start video source')).toBe(
      'failed',
    );
    expect(classifyCameraError(undefined)).toBe('failed');
  });
});
