export { base as default } from '@mejabantu/eslint-config'
