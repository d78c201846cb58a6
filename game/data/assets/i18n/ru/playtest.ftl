# Charts of `leadsim playtest --plot`.

playtest-trajectory_title = Средние по команде по ходам ({ $policy }): среднее и полоса 10-90 %
playtest-scores_title = Средний итог по стратегиям (0-100)
playtest-people_title = Каждый по ходам ({ $policy }): настрой и стресс
playtest-still_playing = среднее по прогонам, которые ещё идут
playtest-still_there = среднее по прогонам, где человек ещё в команде
playtest-fewer_runs = дальше прогонов меньше
playtest-mean = среднее
playtest-p10 = 10 %
playtest-p90 = 90 %
playtest-endings_by_policy = Какие финалы достигнуты, доля прогонов (полосы — стратегии, цвета — финалы)
playtest-leaving_title = Кто уходит, доля прогонов (полосы — стратегии, цвета — люди)
playtest-reason-quit = уволился сам
playtest-reason-burnout = выгорел
playtest-reason-decided = отпущен
playtest-best_sequence = лучшая последовательность
playtest-best_unprincipled = лучшая беспринципная последовательность
playtest-policies = стратегии
playtest-sequences = последовательности решений, найденные поиском
