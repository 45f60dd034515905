//go:build !unix

package bench

import (
	"os"
	"time"
)

// selfCPU is unknown on this system.
func selfCPU() time.Duration { return 0 }

// maxRSS is unknown on this system.
func maxRSS(*os.ProcessState) int64 { return 0 }
