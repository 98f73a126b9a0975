// A step's `recorded` result: written by toTrace, read back by parseTrace
// (strict: a whole result of that op, nothing else), kept by the
// counterexample reader.
import { describe, expect, it } from 'vitest';
import { toTrace } from '../check/counterexample.ts';
import { splitCounterexample } from '../report/read-counterexample.ts';
import { parseTrace } from './parse-trace.ts';

const pinStep = { op: 'pin_user_pages', args: { proc: 'p0', vpn: 0, write: true, longterm: true, fast: false } } as const;
const parse = (step: object) => parseTrace(JSON.stringify({ steps: [step] }), 'cx.json');

describe('recorded results', () => {
  it('toTrace records each result; parseTrace and splitCounterexample keep it', () => {
    const trace = toTrace('coherent-v1', [
      { step: { op: 'memremap_pages', args: { type: 'COHERENT', owner: 'd', npages: 1 } }, result: { pgmap: 'pgmap0' } },
      { step: pinStep, result: { errno: 'EFAULT' } },
      { step: { op: 'cpu_read', args: { proc: 'p0', vpn: 0 } } },
    ]);
    expect(trace.steps.map((s) => s.recorded)).toEqual([{ pgmap: 'pgmap0' }, { errno: 'EFAULT' }, undefined]);
    expect(trace.steps[2]?.note).toBe('recorded: did not return');
    const file = JSON.stringify({ ...trace, counterexample: { check: 'refinement', checks: [], step: 2 } });
    const { traceText } = splitCounterexample(file, 'cx.json');
    expect(parseTrace(traceText, 'cx.json').steps.map((s) => s.recorded)).toEqual([{ pgmap: 'pgmap0' }, { errno: 'EFAULT' }, undefined]);
  });

  it('accepts a success value with every result field, and a failure', () => {
    expect(parse({ ...pinStep, recorded: { pin: 'pin0' } }).steps[0]?.recorded).toEqual({ pin: 'pin0' });
    expect(parse({ op: 'cpu_write', args: { proc: 'p0', vpn: 0, value: 1 }, recorded: {} }).steps[0]?.recorded).toEqual({});
    expect(parse({ op: 'cpu_read', args: { proc: 'p0', vpn: 0 }, recorded: { signal: 'SIGBUS' } }).steps[0]?.recorded).toEqual({ signal: 'SIGBUS' });
  });

  const bad: [string, object, string][] = [
    ['not an object', { ...pinStep, recorded: 'pin0' }, 'step 1 (pin_user_pages): recorded: expected the step\'s result {"pin"} or {"errno"} or {"signal"}, got "pin0"'],
    ['an unknown field', { ...pinStep, recorded: { pin: 'pin0', pages: {} } }, 'recorded.pages: not a result field of pin_user_pages'],
    [
      'a missing field',
      { op: 'migrate_to_device', args: { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' }, recorded: { cpages: 1 } },
      'recorded.data: missing (a recorded migrate_to_device result has cpages, data)',
    ],
    ['a mistyped field', { ...pinStep, recorded: { pin: 'ref0' } }, 'recorded.pin: expected a handle like pin0, got "ref0"'],
    ['a failure with a value', { ...pinStep, recorded: { errno: 'EFAULT', pin: 'pin0' } }, 'recorded.pin: a failed step records only errno'],
    ['an unknown errno', { ...pinStep, recorded: { errno: 'EWHAT' } }, 'recorded.errno: expected one of'],
  ];
  for (const [what, step, message] of bad) {
    it(`rejects ${what}`, () => {
      expect(() => parse(step)).toThrow(message);
    });
  }

  it('rejects a counterexample whose failing step is not a step number', () => {
    const file = JSON.stringify({ steps: [], counterexample: { check: 'refinement', checks: [], step: 'four' } });
    expect(() => splitCounterexample(file, 'cx.json')).toThrow('cx.json: counterexample.step: expected the failing step\'s number (from 1; 0 for the initial state), got "four"');
  });
});
