import { describe, expect, it } from 'vitest';
import { ExtractionError } from '../../utils/types';

describe('types', () => {
  it('ExtractionError carries its code', () => {
    expect(new ExtractionError('no-article', 'x').code).toBe('no-article');
  });
});
