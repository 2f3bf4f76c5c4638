/** The one command list: the router builds its map from it and `npm run register` sends it. */
import type { SlashCommand } from '../context.js';
import { add } from './add.js';
import { help } from './help.js';
import { quote } from './quote.js';
import { reload } from './reload.js';
import { sources } from './sources.js';
import { summary } from './summary.js';

export const commands: readonly SlashCommand[] = [quote, summary, sources, help, reload, add];

/** The JSON bodies Discord receives (PUT /applications/:id/commands). */
export function commandDefinitions() {
  return commands.map((c) => c.data);
}
