export { documentedApi as default } from '@mejabantu/eslint-config'
