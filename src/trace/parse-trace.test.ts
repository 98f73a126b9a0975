import { describe, expect, it } from 'vitest';
import { parseTrace } from './parse-trace.ts';
import { TraceError } from './trace-error.ts';

const step = (s: object) => JSON.stringify({ steps: [{ op: 'mmap', args: { proc: 'p0', npages: 4, kind: 'anon', shared: false, prot: 'write' } }, s] });

function errorOf(text: string): TraceError {
  try {
    parseTrace(text, 'trace.json');
  } catch (e) {
    if (e instanceof TraceError) return e;
    throw e;
  }
  throw new Error('parseTrace accepted it');
}

describe('parseTrace', () => {
  it('accepts a well-formed trace', () => {
    const trace = parseTrace(
      step({
        op: 'pin_user_pages',
        args: { proc: 'p0', vpn: 2, write: true, longterm: true, fast: false },
        expect: { pin: 'pin0', pages: { 'p0:2': { pte: 'present', pincount: 1 } } },
        note: 'pin it',
      }),
      'trace.json',
    );
    expect(trace.steps).toHaveLength(2);
    expect(trace.steps[1]?.note).toBe('pin it');
  });

  it('accepts a thread mark on a CPU access and refuses a malformed one, naming the field', () => {
    const read = { op: 'cpu_read', args: { proc: 'p0', vpn: 0 } };
    expect(parseTrace(step({ ...read, thread: { id: 't1', kind: 'start' } }), 'trace.json').steps[1]?.thread).toEqual({ id: 't1', kind: 'start' });
    for (const thread of [{ id: 't0', kind: 'start' }, { id: 't1', kind: 'pause' }, { id: 't1' }, { id: 't1', kind: 'resume', at: 3 }, 't1']) {
      const e = errorOf(step({ ...read, thread }));
      expect([e.step, e.field]).toEqual([1, 'thread']);
      expect(e.message).toMatch(/^trace\.json: step 2 \(cpu_read\): thread: expected \{"id": "t1"…"t9", "kind": "start" or "resume"\}, got /);
    }
    const e = errorOf(step({ op: 'mprotect', args: { proc: 'p0', vpn: 0, npages: 1, prot: 'read' }, thread: { id: 't1', kind: 'start' } }));
    expect(e.message).toBe(
      'trace.json: step 2 (mprotect): thread: mprotect cannot run as a thread; only cpu_read, cpu_write, get_user_pages, pin_user_pages, put_page, unpin_user_page, munmap, fork, migrate_to_device, migrate_to_ram, memory_failure, memunmap_pages can (they reach an interleaving point)',
    );
  });

  it('fills in empty args for an op without arguments', () => {
    expect(parseTrace('{"steps":[{"op":"mem_cgroup_create"}]}', 't.json').steps[0]?.args).toEqual({});
  });

  it('reports JSON syntax errors with line and column', () => {
    const e = errorOf('{\n  "steps": [\n    {"op": "fork",, "args": {}}\n  ]\n}');
    expect(e.message).toMatch(/^trace\.json:3:19: invalid JSON: /);
    expect([e.line, e.column]).toEqual([3, 19]);
    expect(errorOf('{"steps": [').message).toMatch(/trace\.json:1:12: invalid JSON: expected a value, found end of file/);
    expect(errorOf('{"steps": [1,]}').message).toMatch(/trailing comma/);
  });

  it('names the step, op, field and what was expected', () => {
    const e = errorOf(step({ op: 'pin_user_pages', args: { proc: 'p0', vpn: 2, write: true, longterm: 'yes', fast: false } }));
    expect(e.message).toBe('trace.json: step 2 (pin_user_pages): args.longterm: expected boolean, got "yes"');
    expect([e.step, e.field]).toEqual([1, 'args.longterm']);
  });

  it('suggests the closest op name', () => {
    expect(errorOf(step({ op: 'pin_user_page', args: {} })).message).toBe(`trace.json: step 2: op: unknown operation "pin_user_page" (did you mean 'pin_user_pages'?)`);
  });

  it('checks handle formats, enums, missing and unknown fields', () => {
    expect(errorOf(step({ op: 'put_page', args: { ref: 'pin0' } })).message).toMatch(/args\.ref: expected a handle like ref0, got "pin0"/);
    expect(errorOf(step({ op: 'memremap_pages', args: { type: 'DEVICE_COHERENT', owner: 'd', npages: 1 } })).message).toMatch(/args\.type: expected one of "PRIVATE", "COHERENT"/);
    expect(errorOf(step({ op: 'cpu_read', args: { proc: 'p0' } })).message).toMatch(/step 2 \(cpu_read\): args\.vpn: missing \(cpu_read needs proc, vpn\)/);
    expect(errorOf(step({ op: 'cpu_read', args: { proc: 'p0', vpn: 1, vnp: 2 } })).message).toMatch(/args\.vnp: unknown field/);
    expect(errorOf(step({ op: 'cpu_read', args: { proc: 'p0', vpn: -1 } })).message).toMatch(/args\.vpn: expected a non-negative integer, got -1/);
    expect(errorOf(step({ op: 'device_write', args: { proc: 'p0', vpn: 0, npages: 1, owner: 'd', data: [1, 'x'] } })).message).toMatch(/args\.data: expected an array of integers/);
  });

  it('takes memremap_pages with or without reserved pfns, and refuses a reserve of the whole range', () => {
    const remap = (args: object) => JSON.stringify({ steps: [{ op: 'memremap_pages', args: { type: 'FS_DAX', owner: 'pmem0', npages: 2, ...args } }] });
    expect(parseTrace(remap({}), 't').steps[0]?.args).not.toHaveProperty('reserved');
    expect(parseTrace(remap({ reserved: 1 }), 't').steps[0]?.args).toMatchObject({ reserved: 1 });
    expect(errorOf(remap({ reserved: 2 })).message).toMatch(/reserved must leave at least one page: reserved < npages/);
    expect(errorOf(remap({ reserved: -1 })).message).toMatch(/reserved/);
  });

  it("checks memory_failure's two ways of naming a frame", () => {
    expect(errorOf(step({ op: 'memory_failure', args: { proc: 'p0', countIncreased: false } })).message).toMatch(/args: proc and vpn go together/);
    expect(() => parseTrace(step({ op: 'memory_failure', args: { pgmap: 'pgmap0', index: 1, countIncreased: true } }), 't')).not.toThrow();
  });

  it('checks expectations against the op result fields', () => {
    expect(errorOf(step({ op: 'migrate_to_device', args: { proc: 'p0', vpn: 0, npages: 1, pgmap: 'pgmap0' }, expect: { cpage: 1 } })).message).toMatch(
      /expect\.cpage: not a result field of migrate_to_device \(did you mean 'cpages'\?\)/,
    );
    expect(errorOf(step({ op: 'cpu_read', args: { proc: 'p0', vpn: 0 }, expect: { errno: 'EBUZY' } })).message).toMatch(/expect\.errno: expected one of/);
    expect(errorOf(step({ op: 'cpu_read', args: { proc: 'p0', vpn: 0 }, expect: { pages: { p0: {} } } })).message).toMatch(/expect\.pages\.p0: expected a key like "p0:3"/);
    expect(errorOf(step({ op: 'cpu_read', args: { proc: 'p0', vpn: 0 }, expect: { pages: { 'p0:0': { refcnt: 1 } } } })).message).toMatch(
      /expect\.pages\.p0:0\.refcnt: not a page fact \(did you mean 'refcount'\?\)/,
    );
  });

  it('checks the top level', () => {
    expect(errorOf('[]').message).toMatch(/trace\.json: \(top level\): expected an object/);
    expect(errorOf('{"step": []}').message).toMatch(/step: unknown field \(did you mean 'steps'\?\)/);
    expect(errorOf('{"steps": [], "era": "v6.3"}').message).toMatch(/era: expected one of v4\.14, v5\.x, v6\.0, v6\.1, v6\.2, upstream/);
    expect(errorOf('{"steps": [], "runs": [{"proposal": "v6.0", "violates": "free-twice"}]}').message).toMatch(/runs\.0\.violates/);
  });
});
