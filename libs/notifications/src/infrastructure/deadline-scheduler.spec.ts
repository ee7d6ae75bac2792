import { Logger } from '@nestjs/common';
import { AppConfig } from '@woonbrug/config';
import type { DeadlineScan, DeadlineScanResult } from '../application/deadline-scan';
import { DeadlineScheduler } from './deadline-scheduler';

const RESULT: DeadlineScanResult = { ran: true, today: '2027-01-04', closedCaseIds: [], notificationsCreated: 0, emailsHandled: 0 };

function schedulerWith(intervalSeconds: number, runOnce: () => Promise<DeadlineScanResult>) {
  const scan = { runOnce: jest.fn(runOnce) };
  const config = Object.assign(new AppConfig(), { DEADLINE_SCAN_INTERVAL_SECONDS: intervalSeconds });
  return { scan, scheduler: new DeadlineScheduler(scan as unknown as DeadlineScan, config) };
}

describe('DeadlineScheduler', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('scans every interval, the first time one interval after start', async () => {
    const { scan, scheduler } = schedulerWith(60, async () => RESULT);
    scheduler.onApplicationBootstrap();
    expect(scan.runOnce).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(scan.runOnce).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(120_000);
    expect(scan.runOnce).toHaveBeenCalledTimes(3);
    await scheduler.onModuleDestroy();
    await jest.advanceTimersByTimeAsync(600_000);
    expect(scan.runOnce).toHaveBeenCalledTimes(3);
  });

  it('does nothing when the interval is 0', async () => {
    const { scan, scheduler } = schedulerWith(0, async () => RESULT);
    scheduler.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(24 * 3600_000);
    expect(scan.runOnce).not.toHaveBeenCalled();
    await scheduler.onModuleDestroy();
  });

  it('skips a tick while the previous scan still runs, survives a failed scan, and waits for a running one on shutdown', async () => {
    let finish!: () => void;
    let calls = 0;
    const { scan, scheduler } = schedulerWith(10, () => {
      calls += 1;
      if (calls === 1) return Promise.reject(new Error('database gone'));
      return new Promise<DeadlineScanResult>((resolve) => (finish = () => resolve(RESULT)));
    });
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    scheduler.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(10_000); // fails
    await jest.advanceTimersByTimeAsync(10_000); // starts a slow one
    await jest.advanceTimersByTimeAsync(30_000); // still running: skipped
    expect(scan.runOnce).toHaveBeenCalledTimes(2);
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
    let stopped = false;
    const stopping = scheduler.onModuleDestroy().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
  });
});
