import { messages } from '../messages.js';

/** 「新規」 as a word, not a colour alone: read aloud and printed in black and white. */
export function NewBadge() {
  return <span class="badge-new">{messages.newBadge}</span>;
}
