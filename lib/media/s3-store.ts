import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import type { S3Settings } from "@/lib/media/media-settings";

// The media store in an S3-compatible bucket (MEDIA_S3_*), through the AWS SDK: the same names as
// on disk (renditions under `r/`, masters under `masters/`), each object written whole by one PUT,
// so nobody reads half of one. Readers still fetch pictures from the site's own /media/ (or
// MEDIA_BASE_URL): the bucket need not be public.

export type StoredObject = { bytes: Buffer; modified: Date };

let client: { settings: S3Settings; client: S3Client } | undefined;
function clientFor(settings: S3Settings): S3Client {
  if (client?.settings !== settings) {
    client = {
      settings,
      client: new S3Client({
        region: settings.region,
        ...(settings.endpoint ? { endpoint: settings.endpoint, forcePathStyle: true } : {}),
        ...(settings.credentials ? { credentials: settings.credentials } : {}),
        // Slow or unreachable storage fails a request in seconds rather than holding it.
        requestHandler: { connectionTimeout: 5000, requestTimeout: 30_000 },
        maxAttempts: 3,
      }),
    };
  }
  return client.client;
}

const isMissing = (error: unknown) => error instanceof NoSuchKey || (error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 404 || error.name === "NoSuchKey"));

export async function putObject(settings: S3Settings, key: string, data: Buffer, contentType: string): Promise<void> {
  await clientFor(settings).send(
    new PutObjectCommand({ Bucket: settings.bucket, Key: settings.prefix + key, Body: data, ContentType: contentType, CacheControl: "public, max-age=31536000, immutable" }),
  );
}

/** The object's bytes, or null when the bucket holds none by that name. */
export async function getObject(settings: S3Settings, key: string): Promise<StoredObject | null> {
  try {
    const answer = await clientFor(settings).send(new GetObjectCommand({ Bucket: settings.bucket, Key: settings.prefix + key }));
    if (!answer.Body) return null;
    return { bytes: Buffer.from(await answer.Body.transformToByteArray()), modified: answer.LastModified ?? new Date(0) };
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}
