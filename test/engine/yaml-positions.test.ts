import { describe, expect, it } from 'vitest';
import { buildPositionMap } from '../../src/engine/pack/yaml-positions.ts';

const SOURCE = [
  'id: example',
  'parameters:',
  '  ports:',
  '    default: yes',
  '    value: [{ protocol: tcp }, 80]',
  'messages:',
  '  "a/b":',
  '    en: "hi."',
  '',
].join('\n');

describe('buildPositionMap', () => {
  const positions = buildPositionMap(SOURCE);

  it('places a mapping value at its key', () => {
    expect(positions.locate('/parameters/ports/default')).toEqual({ line: 4, column: 5 });
  });

  it('places flow sequence items', () => {
    expect(positions.locate('/parameters/ports/value/1')).toEqual({ line: 5, column: 32 });
    expect(positions.locate('/parameters/ports/value/0/protocol')).toEqual({ line: 5, column: 15 });
  });

  it('unescapes JSON Pointer segments', () => {
    expect(positions.locate('/messages/a~1b/en')).toEqual({ line: 8, column: 5 });
  });

  it('falls back to the nearest recorded ancestor', () => {
    expect(positions.locate('/messages/a~1b/vi')).toEqual({ line: 7, column: 3 });
    expect(positions.locate('/missing/deeper')).toEqual({ line: 1, column: 1 });
  });
});
