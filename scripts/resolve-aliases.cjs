// The `@/` alias of tsconfig.json and WXT, in the shape dependency-cruiser reads (a webpack resolve
// section), because dependency-cruiser can read tsconfig paths only through the TypeScript 5 API.
const path = require('node:path');

module.exports = { resolve: { alias: { '@': path.resolve(__dirname, '..') } } };
