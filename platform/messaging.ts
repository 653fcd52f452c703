import { browser } from 'wxt/browser';
import type { Message, ResponseOf } from '@/lib/messages';

/** Typed wrapper over runtime.sendMessage: the response type follows the message type. */
export function send<M extends Message>(message: M): Promise<ResponseOf<M>> {
  return browser.runtime.sendMessage(message) as Promise<ResponseOf<M>>;
}
