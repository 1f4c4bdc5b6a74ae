import { base } from '@mejabantu/eslint-config'

export default [
  ...base,
  {
    // A database stopped at an earlier migration lacks the newest columns the generated client selects.
    files: ['test/migration-*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.property.name='prisma'][property.name=/^[a-z]/]",
          message:
            'Migration tests read and write with SQL (rowsOf, $executeRawUnsafe), never through a model.',
        },
      ],
    },
  },
]
