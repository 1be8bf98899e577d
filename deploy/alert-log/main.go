// Command alert-log is the local stack's alert receiver: Alertmanager posts webhook notifications to it and it prints
// one line per alert, so `docker-compose logs -f alert-log` shows what would have paged or opened a ticket. The
// route is the path Alertmanager posts to (/page, /ticket). Standard library only, so it builds anywhere.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"strings"
	"time"
)

// message is the part of Alertmanager's webhook payload (version 4) this receiver prints.
type message struct {
	Version string `json:"version"`
	Status  string `json:"status"`
	Alerts  []struct {
		Status      string            `json:"status"`
		Labels      map[string]string `json:"labels"`
		Annotations map[string]string `json:"annotations"`
		StartsAt    time.Time         `json:"startsAt"`
	} `json:"alerts"`
}

func main() {
	listen := flag.String("listen", "127.0.0.1:8099", "address to listen on")
	flag.Parse()
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			http.Error(w, "Alertmanager posts webhook notifications here", http.StatusMethodNotAllowed)
			return
		}
		var m message
		if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&m); err != nil {
			http.Error(w, "not an Alertmanager webhook payload: "+err.Error(), http.StatusBadRequest)
			return
		}
		route := strings.Trim(r.URL.Path, "/")
		now := time.Now().UTC()
		for _, a := range m.Alerts {
			fmt.Printf("%s %-6s %-8s %s severity=%s job=%s instance=%s (active since %s, %s ago): %s\n",
				now.Format(time.RFC3339), route, a.Status, a.Labels["alertname"], a.Labels["severity"], a.Labels["job"],
				a.Labels["instance"], a.StartsAt.UTC().Format(time.RFC3339), now.Sub(a.StartsAt).Round(time.Second),
				a.Annotations["summary"])
		}
		w.WriteHeader(http.StatusNoContent)
	})
	log.Printf("alert-log: listening on http://%s", *listen)
	log.Fatal(http.ListenAndServe(*listen, nil))
}
