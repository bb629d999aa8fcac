/*
|--------------------------------------------------------------------------
| Ace entry point
|--------------------------------------------------------------------------
|
| Registers the TypeScript loader, then boots the console kernel.
*/
import 'ts-node-maintained/register/esm'
await import('./bin/console.js')
