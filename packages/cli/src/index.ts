export { main, HELP, type Io } from './main.js';
export { EXIT } from './exit-codes.js';
