// @ts-check
// MTA-STS Kit widgets — one module that defines all three elements:
//   <script type="module" src="https://…/widgets/widgets.js"></script>
//   <mtasts-validator format="auto"></mtasts-validator>
//   <mtasts-generator domain="example.com" mode="testing"></mtasts-generator>
//   <mtasts-checker domain="example.com"></mtasts-checker>
// The widgets share one WebAssembly instance, loaded from ../kit/ relative to
// this file (so the files can be served from another origin, with CORS).
export { MtastsValidatorElement } from './validator/define.js';
export { MtastsGeneratorElement } from './generator/define.js';
export { MtastsCheckerElement } from './checker/define.js';
export {
  MtastsResultEvent,
  MtastsGenerateEvent,
  MtastsReportEvent,
  MtastsErrorEvent,
} from './common/events.js';
