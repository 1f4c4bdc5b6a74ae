import type * as S3Sdk from '@aws-sdk/client-s3'
import { assertStorageKey, type AttachmentStorage } from './attachment-storage.ts'

/** An S3-compatible bucket (AWS S3, MinIO, Ceph, …). Credentials may also come from the AWS default chain. */
export interface S3Config {
  bucket: string
  region: string
  endpoint: string | null
  forcePathStyle: boolean
  prefix: string
  accessKeyId: string | null
  secretAccessKey: string | null
}

/** The bucket the environment names (`S3_BUCKET`, `S3_REGION`, `S3_ENDPOINT`, …), or null for disk. */
export function s3ConfigFromEnv(env: NodeJS.ProcessEnv): S3Config | null {
  if (!env.S3_BUCKET) return null
  return {
    bucket: env.S3_BUCKET,
    region: env.S3_REGION || 'us-east-1',
    endpoint: env.S3_ENDPOINT || null,
    forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
    prefix: (env.S3_PREFIX ?? '').replace(/^\/+|\/+$/g, ''),
    accessKeyId: env.S3_ACCESS_KEY_ID || null,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY || null,
  }
}

/**
 * Attachments in a bucket. The SDK is loaded on first use, so installations storing on disk never load
 * it; the client is built once.
 */
export function s3Storage(config: S3Config): AttachmentStorage {
  let client: Promise<{ s3: S3Sdk.S3Client; sdk: typeof S3Sdk }> | undefined
  const connect = () =>
    (client ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      s3: new sdk.S3Client({
        region: config.region,
        forcePathStyle: config.forcePathStyle,
        ...(config.endpoint ? { endpoint: config.endpoint } : {}),
        ...(config.accessKeyId && config.secretAccessKey
          ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } }
          : {}),
      }),
    })))
  const objectKey = (key: string) => {
    assertStorageKey(key)
    return config.prefix ? `${config.prefix}/${key}` : key
  }
  return {
    async put(key, bytes, contentType) {
      const { s3, sdk } = await connect()
      await s3.send(
        new sdk.PutObjectCommand({
          Bucket: config.bucket,
          Key: objectKey(key),
          Body: bytes,
          ContentType: contentType,
        }),
      )
    },
    async get(key) {
      const { s3, sdk } = await connect()
      try {
        const object = await s3.send(new sdk.GetObjectCommand({ Bucket: config.bucket, Key: objectKey(key) }))
        return object.Body ? await object.Body.transformToByteArray() : null
      } catch (error) {
        if (error instanceof sdk.NoSuchKey) return null
        throw error
      }
    },
    async delete(key) {
      const { s3, sdk } = await connect()
      await s3.send(new sdk.DeleteObjectCommand({ Bucket: config.bucket, Key: objectKey(key) }))
    },
  }
}
