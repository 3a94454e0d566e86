import { type SchedulerAction, type SchedulerLike, Subscription } from 'rxjs'

type Work<T> = (this: SchedulerAction<T>, state?: T) => void

/** What the heap needs of an action, independent of its state type. */
interface QueuedAction {
  dueMs: number
  sequence: number
  heapIndex: number
  execute(): void
  unsubscribe(): void
}

/**
 * One timer on a {@link VirtualScheduler}. Like RxJS's `AsyncAction`, an action that reschedules itself from inside
 * its work is reused rather than replaced, so a periodic timer costs no allocation per tick and holds no chain of
 * finished actions (RxJS's `VirtualAction` grows one per tick, which a day of one-second ticks cannot afford).
 */
export class VirtualSchedulerAction<T> extends Subscription implements SchedulerAction<T>, QueuedAction {
  /** Instant the action is due, epoch ms. */
  dueMs = 0
  /** Enqueue order; breaks ties between actions due at the same instant (first scheduled runs first). */
  sequence = 0
  /** Position in the scheduler's heap, -1 when not queued. */
  heapIndex = -1
  state: T | undefined

  constructor(
    private readonly scheduler: VirtualScheduler,
    readonly work: Work<T>,
  ) {
    super()
  }

  schedule(state?: T, delay = 0): Subscription {
    if (this.closed) return this
    this.state = state
    this.scheduler.enqueue(this, delay)
    return this
  }

  execute(): void {
    this.work.call(this, this.state)
  }

  override unsubscribe(): void {
    if (this.closed) return
    this.scheduler.dequeue(this)
    super.unsubscribe()
  }
}

/**
 * An RxJS scheduler whose time only moves when told to. Pending actions sit in a binary min-heap ordered by due
 * time, then by the order they were scheduled.
 */
export class VirtualScheduler implements SchedulerLike {
  private readonly heap: QueuedAction[] = []
  private nextSequence = 0
  private running = false
  private current: number

  constructor(startMs: number) {
    this.current = startMs
  }

  now(): number {
    return this.current
  }

  schedule<T>(work: Work<T>, delay = 0, state?: T): Subscription {
    const action = new VirtualSchedulerAction<T>(this, work)
    return action.schedule(state, delay)
  }

  /** Number of actions waiting to run. */
  get pending(): number {
    return this.heap.length
  }

  /** Due time of the earliest pending action. */
  peekDueMs(): number | undefined {
    return this.heap[0]?.dueMs
  }

  /** Whether {@link runUntil} is executing actions right now. */
  get isRunning(): boolean {
    return this.running
  }

  /**
   * Runs every action due at or before `targetMs` in time order, then sets the time to `targetMs`.
   * An action that throws is removed and the error rethrown; the time stays at that action's instant.
   */
  runUntil(targetMs: number): void {
    const first = this.heap[0]
    if (first === undefined || first.dueMs > targetMs) {
      // Nothing due: only time moves (the common case when a replay advances to each event).
      if (targetMs > this.current) this.current = targetMs
      return
    }
    this.running = true
    try {
      for (let top = this.heap[0]; top !== undefined && top.dueMs <= targetMs; top = this.heap[0]) {
        this.removeAt(0)
        if (top.dueMs > this.current) this.current = top.dueMs
        try {
          top.execute()
        } catch (error) {
          top.unsubscribe()
          throw error
        }
      }
      if (targetMs > this.current) this.current = targetMs
    } finally {
      this.running = false
    }
  }

  /** @internal */
  enqueue(action: QueuedAction, delay: number): void {
    if (action.heapIndex >= 0) this.removeAt(action.heapIndex)
    // Like RxJS's virtual scheduler, an infinite delay means "never".
    if (delay === Number.POSITIVE_INFINITY) return
    // A negative or NaN delay (a timer computed for an instant already past) runs at the current instant.
    action.dueMs = this.current + (Number.isNaN(delay) ? 0 : Math.max(delay, 0))
    action.sequence = this.nextSequence++
    action.heapIndex = this.heap.length
    this.heap.push(action)
    this.siftUp(action.heapIndex)
  }

  /** @internal */
  dequeue(action: QueuedAction): void {
    if (action.heapIndex >= 0) this.removeAt(action.heapIndex)
  }

  private removeAt(index: number): void {
    const heap = this.heap
    const removed = heap[index]
    const last = heap.pop()
    if (removed) removed.heapIndex = -1
    if (last === undefined || last === removed) return
    heap[index] = last
    last.heapIndex = index
    this.siftDown(index)
    this.siftUp(last.heapIndex)
  }

  private siftUp(start: number): void {
    const heap = this.heap
    let index = start
    const item = heap[index]
    if (!item) return
    while (index > 0) {
      const parentIndex = (index - 1) >> 1
      const parent = heap[parentIndex]
      if (!parent || !before(item, parent)) break
      heap[index] = parent
      parent.heapIndex = index
      index = parentIndex
    }
    heap[index] = item
    item.heapIndex = index
  }

  private siftDown(start: number): void {
    const heap = this.heap
    const length = heap.length
    let index = start
    const item = heap[index]
    if (!item) return
    for (;;) {
      const leftIndex = 2 * index + 1
      if (leftIndex >= length) break
      const left = heap[leftIndex]
      const right = heap[leftIndex + 1]
      let childIndex = leftIndex
      let child = left
      if (right && left && before(right, left)) {
        childIndex = leftIndex + 1
        child = right
      }
      if (!child || !before(child, item)) break
      heap[index] = child
      child.heapIndex = index
      index = childIndex
    }
    heap[index] = item
    item.heapIndex = index
  }
}

function before(a: QueuedAction, b: QueuedAction): boolean {
  return a.dueMs < b.dueMs || (a.dueMs === b.dueMs && a.sequence < b.sequence)
}
