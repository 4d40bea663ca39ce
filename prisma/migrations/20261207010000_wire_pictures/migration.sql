-- The pictures a wire item carried, in the media library (lib/media/import-wire-pictures.ts), the lead first.
ALTER TABLE "WireItem" ADD COLUMN     "mediaIds" UUID[] DEFAULT ARRAY[]::UUID[];
