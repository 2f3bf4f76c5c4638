/** The one command list: the router builds its map from it and `npm run register` sends it. */
import type { SlashCommand } from '../context.js';
import { add } from './add.js';
import { help } from './help.js';
import { quote } from './quote.js';
import { reload } from './reload.js';
import { sources } from './sources.js';
import { summary } from './summary.js';
import { timeline } from './timeline.js';
import { verify } from './verify.js';
import { verifyMessage, type MessageCommand } from './verify-message.js';

export const commands: readonly SlashCommand[] = [quote, summary, timeline, verify, sources, help, reload, add];

/** Message context-menu commands (right-click a message → Apps). */
export const messageCommands: readonly MessageCommand[] = [verifyMessage];

/** The JSON bodies Discord receives (PUT /applications/:id/commands). */
export function commandDefinitions() {
  return [...commands.map((c) => c.data), ...messageCommands.map((c) => c.data)];
}
