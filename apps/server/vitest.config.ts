export { integrationConfig as default } from '@mejabantu/vitest-config'
