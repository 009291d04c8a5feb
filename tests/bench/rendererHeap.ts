import type { Page } from '@playwright/test';

export type RendererHeap = { pageMb: number; workersMb: number[] };

/**
 * The JS heap of the page and of each of its Web Workers (the search index lives in one), each
 * after a full collection, through the DevTools protocol: performance.memory sees only the page.
 */
export async function rendererHeap(page: Page): Promise<RendererHeap> {
  const cdp = await page.context().newCDPSession(page);
  const workers: string[] = [];
  cdp.on('Target.attachedToTarget', (event) => {
    if (event.targetInfo.type === 'worker') workers.push(event.sessionId);
  });
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  await new Promise((resolve) => setTimeout(resolve, 500));
  let nextId = 0;
  const replies = new Map<number, (message: { result?: { usedSize?: number } }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id: number; result?: { usedSize?: number } };
    replies.get(message.id)?.(message);
  });
  const call = (sessionId: string, method: string) =>
    new Promise<{ result?: { usedSize?: number } }>((resolve, reject) => {
      nextId += 1;
      replies.set(nextId, resolve);
      const message = JSON.stringify({ id: nextId, method, params: {} });
      cdp.send('Target.sendMessageToTarget', { sessionId, message }).catch(reject);
    });
  const workersMb: number[] = [];
  for (const sessionId of workers) {
    await call(sessionId, 'HeapProfiler.collectGarbage');
    const usage = await call(sessionId, 'Runtime.getHeapUsage');
    workersMb.push((usage.result?.usedSize ?? 0) / 1_048_576);
  }
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return { pageMb: usedSize / 1_048_576, workersMb };
}
