// @ts-check
// Defines <mtasts-validator> (unless a page already did).
import { MtastsValidatorElement } from './validator-element.js';

MtastsValidatorElement.define();
export { MtastsValidatorElement };
