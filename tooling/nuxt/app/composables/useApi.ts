export const useApi = () => useNuxtApp().$api
