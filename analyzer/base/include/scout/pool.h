/* A fixed pool of worker threads over an index range. */
#ifndef SCOUT_POOL_H
#define SCOUT_POOL_H

#include "scout/common.h"

typedef struct scout_pool_task {
	size_t count;                   /* items 0..count-1 */
	unsigned jobs;                  /* threads (>= 1) */
	void *ctx;                      /* shared, read-only or per-item */
	void *(*worker_new)(void *ctx); /* per-thread state (e.g. a parser) */
	void (*worker_free)(void *worker);
	void (*run)(void *ctx, void *worker, size_t index); /* one item */
	/* Called about every 100 ms by the calling thread while items remain,
	 * with the number done; NULL for none. */
	void (*progress)(void *ctx, size_t done, size_t count, double seconds);
} scout_pool_task;

/* Runs every item exactly once, each on some worker; returns when all are
 * done. Returns 0, or SCOUT_ERROR if no thread could be started. */
int scout_pool_run(const scout_pool_task *task);

#endif
