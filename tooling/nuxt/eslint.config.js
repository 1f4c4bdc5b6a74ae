export { vueApp as default } from '@mejabantu/eslint-config'
