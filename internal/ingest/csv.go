package ingest

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
)

var errNoColumns = errors.New("header names no title or body column")

// readCSV reads a CSV (comma ',') or TSV (comma '\t') file whose first row
// names the columns, with the key names ParseJSONRecord accepts. A row that
// cannot be read, has the wrong number of fields or holds neither title nor
// body is reported with its line number and skipped.
func readCSV(s *sink, r *bufio.Reader, comma rune) error {
	cr := csv.NewReader(r)
	cr.Comma = comma
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return errEmpty
	}
	if err != nil {
		return fmt.Errorf("read header: %w", err)
	}
	type column struct{ field, rank int }
	cols := make([]column, len(header))
	useful := false
	for i, h := range header {
		if i == 0 {
			h = trimBOM(h)
		}
		cols[i] = column{-1, 0}
		if f, rank, ok := lookupKey(h); ok {
			cols[i] = column{f, rank}
			useful = useful || f == fieldTitle || f == fieldBody
		}
	}
	if !useful {
		return errNoColumns
	}
	for {
		row, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		var perr error
		if err != nil {
			var pe *csv.ParseError
			line := 0
			if errors.As(err, &pe) {
				line = pe.StartLine
				err = pe.Err
			}
			perr = s.fail(line, 0, err)
		} else {
			line, _ := cr.FieldPos(0)
			var rec record
			for i, v := range row {
				if c := cols[i]; c.field >= 0 {
					rec.put(c.field, c.rank, string(fixEncoding([]byte(v))))
				}
			}
			a, err := rec.article()
			if err != nil {
				perr = s.fail(line, 0, err)
			} else {
				perr = s.articleAt(line, 0, a)
			}
		}
		if perr != nil {
			return nil
		}
	}
}

func trimBOM(s string) string {
	if len(s) >= 3 && s[:3] == "\xef\xbb\xbf" {
		return s[3:]
	}
	return s
}
