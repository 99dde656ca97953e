export { parseFunction, FORMULA_VIEW, MAX_FORMULA_LENGTH, MAX_NESTING } from './parse';
export { FormulaError, type FormulaErrorCode, type FormulaErrorParams } from './errors';
export { ALLOWED_FUNCTIONS } from './compile';
