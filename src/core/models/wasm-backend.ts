// Registers only the wasm backend (Node resolves its .wasm files from the package itself).
import '@tensorflow/tfjs-backend-wasm';
