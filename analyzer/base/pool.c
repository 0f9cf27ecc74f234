/* Workers take the next index from an atomic counter; the calling thread
 * waits and reports progress. Results go to per-index slots, so the output
 * does not depend on which worker ran what. */
#include "scout/pool.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

typedef struct pool_state {
	const scout_pool_task *task;
	atomic_size_t next;
	atomic_size_t done;
} pool_state;

static void *worker_main(void *arg)
{
	pool_state *st = arg;
	const scout_pool_task *t = st->task;
	void *worker = t->worker_new ? t->worker_new(t->ctx) : NULL;
	size_t i;

	while ((i = atomic_fetch_add(&st->next, 1)) < t->count) {
		t->run(t->ctx, worker, i);
		atomic_fetch_add(&st->done, 1);
	}
	if (t->worker_free)
		t->worker_free(worker);
	return NULL;
}

static double seconds_since(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) + (now.tv_nsec - start->tv_nsec) / 1e9;
}

static void wait_with_progress(pool_state *st)
{
	const scout_pool_task *t = st->task;
	struct timespec start, tick = {0, 100 * 1000 * 1000};
	size_t done;

	clock_gettime(CLOCK_MONOTONIC, &start);
	while ((done = atomic_load(&st->done)) < t->count) {
		nanosleep(&tick, NULL);
		if (t->progress)
			t->progress(t->ctx, atomic_load(&st->done), t->count,
			            seconds_since(&start));
	}
}

int scout_pool_run(const scout_pool_task *task)
{
	pool_state st = {.task = task};
	unsigned jobs = task->jobs ? task->jobs : 1;
	pthread_t *threads;
	unsigned started = 0;

	atomic_init(&st.next, 0);
	atomic_init(&st.done, 0);
	if (jobs > task->count)
		jobs = task->count ? (unsigned)task->count : 1;
	if (jobs == 1 && !task->progress) {
		worker_main(&st);
		return 0;
	}
	threads = scout_calloc(jobs, sizeof(*threads));
	for (unsigned i = 0; i < jobs; i++)
		if (pthread_create(&threads[started], NULL, worker_main, &st) == 0)
			started++;
	if (started == 0) {
		free(threads);
		return scout_error_set("could not start any worker thread");
	}
	if (task->progress)
		wait_with_progress(&st);
	for (unsigned i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	free(threads);
	return 0;
}
