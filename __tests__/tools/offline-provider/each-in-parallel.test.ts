// The offline commands and the lifecycle test run one stack per core: the limit must hold, every item must run
// once, and each item's promise must settle with its own result as soon as that item is done.
import { eachInParallel, inParallel } from '../../../tools/offline-provider/terraform/stack-selection';

/** A task whose completion the test controls, recording how many run at once. */
function controlledTasks() {
  const finish = new Map<number, () => void>();
  let running = 0;
  let mostAtOnce = 0;
  const started: number[] = [];
  const task = (item: number) =>
    new Promise<string>((resolve) => {
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      started.push(item);
      finish.set(item, () => {
        running--;
        resolve(`done ${item}`);
      });
    });
  return { task, finish, started, mostAtOnce: () => mostAtOnce };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('eachInParallel', () => {
  test('GIVEN 5 items and a limit of 2 WHEN run THEN 2 start, and each finished item lets the next one start, in input order', async () => {
    const { task, finish, started, mostAtOnce } = controlledTasks();
    const results = eachInParallel([1, 2, 3, 4, 5], 2, task);
    await settle();
    expect(started).toEqual([1, 2]);
    finish.get(2)!();
    await expect(results[1]).resolves.toBe('done 2');
    await settle();
    expect(started).toEqual([1, 2, 3]);
    for (const item of [1, 3, 4, 5]) {
      await settle();
      finish.get(item)!();
    }
    await expect(Promise.all(results)).resolves.toEqual(['done 1', 'done 2', 'done 3', 'done 4', 'done 5']);
    expect(mostAtOnce()).toBe(2);
  });

  test('GIVEN a task that fails WHEN run THEN only its promise rejects and the next item still runs', async () => {
    const results = eachInParallel([1, 2, 3], 1, async (item) => {
      if (item === 2) throw new Error('item 2 failed');
      return item * 10;
    });
    await expect(results[0]).resolves.toBe(10);
    await expect(results[1]).rejects.toThrow('item 2 failed');
    await expect(results[2]).resolves.toBe(30);
  });

  test('GIVEN a limit of 0 WHEN run THEN items still run one at a time', async () => {
    const { task, finish, started } = controlledTasks();
    const results = eachInParallel([1, 2], 0, task);
    await settle();
    expect(started).toEqual([1]);
    finish.get(1)!();
    await settle();
    await settle();
    finish.get(2)!();
    await expect(Promise.all(results)).resolves.toEqual(['done 1', 'done 2']);
  });
});

describe('inParallel', () => {
  test('GIVEN items finishing out of order WHEN run THEN the results are in input order', async () => {
    const delays = [30, 1, 15];
    const results = await inParallel(delays, 3, (delay) => new Promise((resolve) => setTimeout(() => resolve(delay), delay)));
    expect(results).toEqual([30, 1, 15]);
  });
});
