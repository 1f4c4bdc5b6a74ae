/** A page of a list as the procedures take it: 1-based page number and its size. */
export interface PageRequest {
  page: number
  pageSize: number
}

/** The rows of one page, as Prisma's `skip` and `take`. */
export const pageWindow = ({ page, pageSize }: PageRequest) => ({
  skip: (page - 1) * pageSize,
  take: pageSize,
})
