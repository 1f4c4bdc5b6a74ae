import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertStorageKey } from '../../src/shared/storage/attachment-storage.ts'
import { s3ConfigFromEnv } from '../../src/shared/storage/s3.ts'
import { attachmentStorage, type AttachmentStorage } from '../../src/shared/storage/configured.ts'
import { attachmentsDir, diskStorage } from '../../src/shared/storage/disk.ts'

describe('storage keys', () => {
  it.each([
    'consultations/0b9f1e0e-4a84-4b39-9c39-1c0e6c3b8a10/6c3b8a10-4a84-4b39-9c39-1c0e0b9f1e0e',
    'a',
    'a/b.c_d-e',
  ])('accepts %s', (key) => expect(() => assertStorageKey(key)).not.toThrow())

  it.each([
    '',
    '../etc/passwd',
    'a/../../b',
    '/etc/passwd',
    'a//b',
    'a/',
    './a',
    'a/.hidden',
    'a\\b',
    'C:/x',
    'a\u0000b',
    'a b',
    `${'x'.repeat(129)}`,
    'a/b/c/d/e/f/g/h/i',
  ])('refuses %j', (key) => {
    expect(() => assertStorageKey(key)).toThrow('invalid storage key')
  })
})

describe('disk storage', () => {
  let root: string
  let storage: AttachmentStorage
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'mejabantu-disk-'))
    storage = diskStorage(root)
  })
  afterAll(() => rm(root, { recursive: true, force: true }))

  it('puts, gets and deletes bytes, leaving no temporary file behind', async () => {
    const bytes = new Uint8Array([0, 1, 2, 255])
    await storage.put('consultations/x/y', bytes, 'application/pdf')
    await expect(storage.get('consultations/x/y')).resolves.toEqual(bytes)
    expect(await readdir(path.join(root, 'consultations/x'))).toEqual(['y'])
    await storage.delete('consultations/x/y')
    await expect(storage.get('consultations/x/y')).resolves.toBeNull()
    await expect(storage.delete('consultations/x/y')).resolves.toBeUndefined()
  })

  it('never touches a path outside its root', async () => {
    for (const key of ['../outside', 'a/../../outside', '/tmp/outside']) {
      await expect(storage.put(key, new Uint8Array([1]), 'application/pdf')).rejects.toThrow(
        'invalid storage key',
      )
      await expect(storage.get(key)).rejects.toThrow('invalid storage key')
      await expect(storage.delete(key)).rejects.toThrow('invalid storage key')
    }
    expect(await readdir(path.dirname(root))).not.toContain('outside')
  })
})

describe('storage configuration', () => {
  it('defaults to an attachments folder beside the embedded database folder', () => {
    expect(attachmentsDir({ DATA_DIR: '/srv/mejabantu/pglite' })).toBe('/srv/mejabantu/attachments')
    expect(attachmentsDir({ ATTACHMENTS_DIR: '/srv/files', DATA_DIR: '/srv/db' })).toBe('/srv/files')
    expect(attachmentsDir({})).toMatch(/\.data[/\\]attachments$/)
  })

  it('uses S3 only when a bucket is configured, and builds each storage once', () => {
    expect(s3ConfigFromEnv({})).toBeNull()
    expect(
      s3ConfigFromEnv({
        S3_BUCKET: 'berkas',
        S3_ENDPOINT: 'http://minio:9000',
        S3_FORCE_PATH_STYLE: 'true',
        S3_PREFIX: '/kpu/',
      }),
    ).toEqual({
      bucket: 'berkas',
      region: 'us-east-1',
      endpoint: 'http://minio:9000',
      forcePathStyle: true,
      prefix: 'kpu',
      accessKeyId: null,
      secretAccessKey: null,
    })
    const env = { ATTACHMENTS_DIR: '/srv/files' }
    expect(attachmentStorage(env)).toBe(attachmentStorage({ ...env }))
    // Constructing the S3 storage loads no SDK and opens no connection until it is used.
    expect(attachmentStorage({ S3_BUCKET: 'berkas' })).not.toBe(attachmentStorage(env))
  })
})
