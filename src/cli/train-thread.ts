import { parentPort } from 'node:worker_threads';
import { trainThreadWork, type TrainThreadRequest } from './train-thread-work.ts';

const work = trainThreadWork();

// The entry of the second thread `train` starts for a large file (see train-thread-client.ts).
parentPort?.on('message', (request: TrainThreadRequest) => {
  // A test aid: MLE_PLAYGROUND_TRAIN_THREAD=die makes the thread end at its evaluation, as one killed there would.
  if (request.kind === 'evaluate' && process.env.MLE_PLAYGROUND_TRAIN_THREAD === 'die') process.exit(1);
  parentPort?.postMessage(work.reply(request));
});
