// The worker threads of `zige eval --batch`: chunks of input spread over them, their results
// handed on in input order (the body of each worker is cli/batch-worker.ts).
import { Worker } from 'node:worker_threads';
import type { Piece } from './batch-input.js';
import { WriteFailed } from './batch-output.js';
import type { ChunkResult, WorkerInit, WorkerReply, WorkerRequest } from './batch-worker.js';

/** Chunks in flight per worker thread. */
const IN_FLIGHT = 3;

/** A worker thread, and its chunks not yet handed over or written. */
interface Slot {
  worker: Worker;
  busy: number;
}

/** A judged chunk waiting for the chunks before it: its output bytes, or (kept in the worker) their size. */
interface Judged {
  slot: Slot;
  bytes: Uint8Array | null;
  size: number;
  result: Omit<ChunkResult, 'out'>;
}

/**
 * Wakes the dispatching loop when anything happens (a reply, a piece of input, a failure). A
 * wake-up with nobody waiting is kept for the next wait: every loop checks its state before it
 * waits, so a wake-up is never lost, and a spare one only costs a check.
 */
class Wakeup {
  private wake: (() => void) | null = null;
  private woken = false;

  readonly signal = (): void => {
    const w = this.wake;
    this.wake = null;
    if (w) w();
    else this.woken = true;
  };

  wait(): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => (this.wake = resolve));
  }
}

/**
 * Spreads chunks over worker threads, at most IN_FLIGHT per worker, and hands their results to
 * `take` in input order. Chunks go as transferred bytes, or as ranges of the input file that the
 * worker reads. Output comes back as transferred bytes, or, with `place` (file output), stays in
 * the worker, which writes it where `place` puts it once the chunks before it are placed: the main
 * thread then handles no bulk data at all. A chunk counts against its worker until its output is
 * handed over or written, so memory stays bounded whatever the input size.
 */
export async function inWorkers(
  input: AsyncGenerator<Piece>,
  count: number,
  init: WorkerInit,
  take: (r: Omit<ChunkResult, 'out'>, out: Uint8Array | null) => Promise<void>,
  place: ((size: number) => number) | null,
): Promise<void> {
  const pool = new WorkerPool(input, count, init, take, place);
  try {
    await pool.dispatch();
    await pool.finish();
  } finally {
    await pool.terminate();
  }
}

class WorkerPool {
  private readonly slots: Slot[];
  private readonly wakeup = new Wakeup();
  /** Judged chunks by number, until the chunks before them are handed on. */
  private readonly judged = new Map<number, Judged>();
  /** Chunks sent so far: the number of the next one. */
  private sent = 0;
  /** The next chunk to hand on, in input order. */
  private next = 0;
  private failure: Error | null = null;
  /** The next piece of input, once read (null: still being read). */
  private arrived: IteratorResult<Piece> | null = null;

  constructor(
    private readonly input: AsyncGenerator<Piece>,
    count: number,
    init: WorkerInit,
    private readonly take: (r: Omit<ChunkResult, 'out'>, out: Uint8Array | null) => Promise<void>,
    private readonly place: ((size: number) => number) | null,
  ) {
    const url = new URL('./batch-worker.js', import.meta.url);
    this.slots = Array.from({ length: count }, () => ({ worker: new Worker(url, { workerData: init }), busy: 0 }));
    for (const slot of this.slots) this.listen(slot);
  }

  /** A worker's replies: a judged chunk (its bytes, or their size), a chunk written, or a failure. */
  private listen(slot: Slot): void {
    const signal = this.wakeup.signal;
    slot.worker.on('message', (m: WorkerReply) => {
      if ('fatal' in m) this.failure ??= new Error(m.fatal);
      else if ('writeFailed' in m) this.failure ??= new WriteFailed(m.writeFailed);
      else if ('written' in m) slot.busy--;
      else if ('bytes' in m) {
        slot.busy--;
        this.judged.set(m.seq, { slot, bytes: m.bytes, size: m.bytes.length, result: m.result });
      } else this.judged.set(m.seq, { slot, bytes: null, size: m.size, result: m.result });
      signal();
    });
    slot.worker.on('error', (e) => {
      this.failure ??= e;
      signal();
    });
    slot.worker.on('exit', (code) => {
      if (code !== 0) this.failure ??= new Error(`worker thread exited with code ${code}`);
      signal();
    });
  }

  private post(slot: Slot, m: WorkerRequest, transfer?: ArrayBuffer[]): void {
    slot.worker.postMessage(m, transfer);
  }

  /**
   * Reads the next piece of input. Finished chunks are written while it is awaited: input that
   * comes slowly (a pipe) still gets every result as soon as its chunk is judged.
   */
  private read(): void {
    this.input.next().then(
      (r) => {
        this.arrived = r;
        this.wakeup.signal();
      },
      (e: unknown) => {
        this.failure ??= e instanceof Error ? e : new Error(String(e));
        this.wakeup.signal();
      },
    );
  }

  /** Places (or writes) the chunks that are done, in input order. */
  private async drain(): Promise<void> {
    while (this.judged.has(this.next)) {
      const d = this.judged.get(this.next)!;
      this.judged.delete(this.next);
      if (d.bytes === null) this.post(d.slot, { seq: this.next, writeAt: this.place!(d.size) });
      this.next++;
      await this.take(d.result, d.bytes);
    }
  }

  /** Sends each piece of input, as it arrives, to the least busy worker once it has room for it. */
  async dispatch(): Promise<void> {
    this.read();
    for (;;) {
      if (this.failure) throw this.failure;
      await this.drain();
      const got = this.arrived;
      if (got?.done) return;
      let slot = this.slots[0];
      for (const s of this.slots) if (s.busy < slot.busy) slot = s;
      if (got && slot.busy < IN_FLIGHT) {
        this.send(slot, got.value);
        this.arrived = null;
        this.read();
        continue;
      }
      await this.wakeup.wait();
    }
  }

  /** Sends a piece to a worker: records, bytes, or a range of the input file that it reads itself. */
  private send(slot: Slot, piece: Piece): void {
    slot.busy++;
    if ('records' in piece) this.post(slot, { seq: this.sent++, records: piece.records });
    else if ('bytes' in piece) {
      // a copy of its own, transferred: the chunk is a view of buffers still being read
      const bytes = new Uint8Array(piece.bytes);
      this.post(slot, { seq: this.sent++, firstLine: piece.firstLine, bytes }, [bytes.buffer]);
    } else this.post(slot, { seq: this.sent++, firstLine: piece.firstLine, position: piece.position, length: piece.length });
  }

  /** Waits until every chunk is placed, and every worker's writes are over. */
  async finish(): Promise<void> {
    for (;;) {
      if (this.failure) throw this.failure;
      await this.drain();
      if (this.next >= this.sent && this.slots.every((s) => s.busy === 0)) return;
      await this.wakeup.wait();
    }
  }

  /** Ends the worker threads, whether the run is over or failed. */
  terminate(): Promise<number[]> {
    return Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
