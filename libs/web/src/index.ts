/** The web side every portal shares: bootstrap, layout and form views, i18n, errors, health. */
export { createPortalApp, listenPortal, registeredRoutes } from './bootstrap/create-portal-app';
export type { PortalOptions, RegisteredRoute } from './bootstrap/create-portal-app';
export { WebModule } from './web.module';
export { ProblemDetailsFilter, toProblem } from './errors/problem-details.filter';
export type { Problem } from './errors/problem';
export { PROBLEM_DETAILS_REF, PROBLEM_MEDIA_TYPE, ProblemDetails, ProblemFieldError } from './errors/problem-details.schema';
export { IS_PUBLIC_KEY, PUBLIC_ROUTE } from './public-route';
export { Idempotent } from './idempotency/idempotent.decorator';
export { IDEMPOTENCY_KEY_HEADER } from './idempotency/idempotency-key';
export { Layout } from './views/layout';
export { ErrorSummary, NO_FIELD_ERRORS, SelectField, TextArea, TextField, textValue } from './views/form';
export type { FieldErrors, SectionErrors } from './views/form';
export { Page } from './views/page-context.decorator';
export { pageContextOf, SUPPORTED_LANGUAGES } from './views/page-context';
export type { LayoutUser, PageContext, Translate } from './views/page-context';
export { fromForm, validateInput, validationFailed, VALIDATOR_OPTIONS } from './validation/validate-input';
export type { FieldProblem } from './validation/validate-input';
export { html, redirect } from './views/respond';
