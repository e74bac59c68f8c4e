// @ts-check
// Defines <mtasts-checker> (unless a page already did).
import { MtastsCheckerElement } from './checker-element.js';

MtastsCheckerElement.define();
export { MtastsCheckerElement };
