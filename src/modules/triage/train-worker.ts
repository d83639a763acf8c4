// One ensemble member trained off the main thread (see trainAll in train-model.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { type NetworkOptions, trainNetwork, type TrainingSet } from './train-network.ts';

const job = workerData as { data: TrainingSet; inputs: number; options: NetworkOptions };
const net = trainNetwork(job.data, job.inputs, job.options);
parentPort!.postMessage(net, [net.w1.buffer, net.b1.buffer, net.w2.buffer, net.b2.buffer] as ArrayBuffer[]);
