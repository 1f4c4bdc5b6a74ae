export { unitConfig as default } from '@mejabantu/vitest-config'
