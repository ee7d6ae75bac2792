import { PeriodicTask } from './periodic-task';

/** A task whose runs finish only when the test says so. */
function controlledTask() {
  const finishers: Array<(error?: Error) => void> = [];
  const task = jest.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        finishers.push((error) => (error ? reject(error) : resolve()));
      }),
  );
  return { task, finish: (error?: Error) => finishers.shift()!(error) };
}

/** Lets the promise callbacks of a finished run settle. */
const settle = () => new Promise<void>((resolve) => jest.requireActual<typeof import('timers')>('timers').setImmediate(resolve));

describe('PeriodicTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs one interval after start, not at once, and then every interval', async () => {
    const task = jest.fn(async () => undefined);
    const periodic = new PeriodicTask(task, () => undefined);
    periodic.start(60);
    expect(task).not.toHaveBeenCalled();
    jest.advanceTimersByTime(59_999);
    expect(task).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
    await settle();
    jest.advanceTimersByTime(60_000);
    expect(task).toHaveBeenCalledTimes(2);
    await settle();
    await periodic.stop();
  });

  it('skips a tick while the previous run still goes', async () => {
    const { task, finish } = controlledTask();
    const periodic = new PeriodicTask(task, () => undefined);
    periodic.start(10);
    jest.advanceTimersByTime(10_000);
    jest.advanceTimersByTime(10_000);
    jest.advanceTimersByTime(10_000);
    expect(task).toHaveBeenCalledTimes(1);
    finish();
    await settle();
    jest.advanceTimersByTime(10_000);
    expect(task).toHaveBeenCalledTimes(2);
    finish();
    await periodic.stop();
  });

  it('reports a failed run and tries again at the next tick', async () => {
    const { task, finish } = controlledTask();
    const errors: unknown[] = [];
    const periodic = new PeriodicTask(task, (error) => errors.push(error));
    periodic.start(5);
    jest.advanceTimersByTime(5_000);
    finish(new Error('database away'));
    await settle();
    expect(errors).toEqual([new Error('database away')]);
    jest.advanceTimersByTime(5_000);
    expect(task).toHaveBeenCalledTimes(2);
    finish();
    await periodic.stop();
  });

  it('never runs with an interval of 0, and does not start twice', async () => {
    const task = jest.fn(async () => undefined);
    const never = new PeriodicTask(task, () => undefined);
    never.start(0);
    jest.advanceTimersByTime(24 * 3600 * 1000);
    expect(task).not.toHaveBeenCalled();

    const twice = new PeriodicTask(task, () => undefined);
    twice.start(10);
    twice.start(10);
    jest.advanceTimersByTime(10_000);
    expect(task).toHaveBeenCalledTimes(1);
    await twice.stop();
  });

  it('stops ticking, and stop waits for a run in progress', async () => {
    const { task, finish } = controlledTask();
    const periodic = new PeriodicTask(task, () => undefined);
    periodic.start(10);
    jest.advanceTimersByTime(10_000);
    let stopped = false;
    const stopping = periodic.stop().then(() => {
      stopped = true;
    });
    await settle();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
    jest.advanceTimersByTime(60_000);
    expect(task).toHaveBeenCalledTimes(1);
  });
});
