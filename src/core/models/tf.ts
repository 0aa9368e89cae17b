// The single import point for tfjs inside the core, so the rest of src/core stays tfjs-free.
export * as tf from '@tensorflow/tfjs-core';
export * as tfl from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
