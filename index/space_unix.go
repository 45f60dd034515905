//go:build linux || darwin || freebsd

package index

import "golang.org/x/sys/unix"

// diskFree is the FreeSpaceFunc of the file system: statfs(2)'s blocks
// available to unprivileged users.
func diskFree(dir string) (uint64, bool, error) {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return 0, false, err
	}
	return uint64(st.Bavail) * uint64(st.Bsize), true, nil
}
