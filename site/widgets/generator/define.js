// @ts-check
// Defines <mtasts-generator> (unless a page already did).
import { MtastsGeneratorElement } from './generator-element.js';

MtastsGeneratorElement.define();
export { MtastsGeneratorElement };
