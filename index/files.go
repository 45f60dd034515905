package index

import (
	"context"
	"fmt"
)

// fileKeyPrefix starts the internal keys under which RecordFiles keeps the
// content hash of each input file.
const fileKeyPrefix = "newsdex_file:"

// FileHash returns the content hash recorded for an input file by
// RecordFiles, or "" when none was recorded. The indexer compares it with
// the file's hash to skip unchanged files before reading them.
func (x *Index) FileHash(ctx context.Context, name string) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", fmt.Errorf("read hash of %s: %w", name, err)
	}
	v, err := x.bi.GetInternal([]byte(fileKeyPrefix + name))
	if err != nil {
		return "", fmt.Errorf("read hash of %s: %w", name, err)
	}
	return string(v), nil
}

// RecordFiles records the content hashes of input files (name -> hash),
// all in one batch.
func (x *Index) RecordFiles(ctx context.Context, hashes map[string]string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("record files: %w", err)
	}
	if x.ro {
		return fmt.Errorf("record files: %w", ErrReadOnly)
	}
	if len(hashes) == 0 {
		return nil
	}
	x.wmu.Lock()
	defer x.wmu.Unlock()
	b := x.bi.NewBatch()
	var size int64
	for name, h := range hashes {
		b.SetInternal([]byte(fileKeyPrefix+name), []byte(h))
		size += int64(len(fileKeyPrefix) + len(name) + len(h))
	}
	if err := x.checkSpace(size); err != nil {
		return fmt.Errorf("record %d file hashes: %w", len(hashes), err)
	}
	if err := x.batch(b); err != nil {
		return fmt.Errorf("record %d file hashes: %w", len(hashes), err)
	}
	return nil
}
