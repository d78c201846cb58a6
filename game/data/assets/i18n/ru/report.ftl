# Отчёт по группе для ведущего (`leadsim report`) и примечания таблицы лидеров.

report-title = LeadSim — отчёт по группе
report-generated = Составлен { $date } UTC.
report-totals = { $plays } { $plays ->
        [one] прохождение
        [few] прохождения
       *[other] прохождений
    } { $scenarios ->
        [one] { $scenarios } сценария
       *[other] { $scenarios } сценариев
    }, сыграны { $first } – { $last } (UTC).
report-since = Только прохождения начиная с { $date }.
report-contents = Сценарии
report-data_files = Исходные данные (CSV)
report-scenario_heading = { $title } ({ $id })
report-scenario_meta = { $plays } { $plays ->
        [one] прохождение
        [few] прохождения
       *[other] прохождений
    }, { $players } { $players ->
        [one] игрок
        [few] игрока
       *[other] игроков
    }.
report-score_summary = { $plays } { $plays ->
        [one] прохождение
        [few] прохождения
       *[other] прохождений
    } · среднее { NUMBER($mean, minimumFractionDigits: 1, maximumFractionDigits: 1) } · медиана { NUMBER($median, minimumFractionDigits: 1, maximumFractionDigits: 1) } · минимум { NUMBER($low, minimumFractionDigits: 1, maximumFractionDigits: 1) } · максимум { NUMBER($high, minimumFractionDigits: 1, maximumFractionDigits: 1) }
report-heading-scores = Распределение баллов
report-heading-endings = Концовки
report-heading-profile = Управленческий профиль группы
report-heading-choices = Что выбирала группа
report-profile_explain = Для каждого принципа: сколько раз прохождение его применило минус сколько раз нарушило, в среднем по группе. Выше нуля — группа его практиковала, ниже нуля — чаще нарушала.
report-col-place = №
report-col-name = Имя
report-col-ending = Концовка
report-col-date = Дата (UTC)
report-col-option = Вариант
report-col-picked = Выбрали
report-col-share = Доля
report-chart-scores = Прохождения по диапазонам баллов
report-chart-endings = Достигнутые концовки
report-chart-principles = Принципы: применено минус нарушено за прохождение (среднее по группе)
report-share_note = { NUMBER($share, style: "percent") } ({ $count })
report-timed_out = Время вышло, решение не принято
report-no_ending = Без концовки (вышли раньше)
report-alt-scores = Гистограмма баллов группы в сценарии «{ $title }»
report-alt-endings = Столбчатая диаграмма концовок группы в сценарии «{ $title }»
report-alt-principles = Столбчатая диаграмма баланса группы по 18 принципам в сценарии «{ $title }»
report-choices_caption = { $decisions } { $decisions ->
        [one] решение
        [few] решения
       *[other] решений
    } в { $plays } { $plays ->
        [one] прохождении
       *[other] прохождениях
    }.
report-ranking = Рейтинг по версии { $version } ({ $plays } { $plays ->
        [one] прохождение
        [few] прохождения
       *[other] прохождений
    }): баллы разных версий не смешиваются.
report-version_plays = { $version }: { $plays } { $plays ->
        [one] прохождение
        [few] прохождения
       *[other] прохождений
    }
report-note-versions = Этот сценарий проходили в нескольких версиях ({ $versions }). Баллы, концовки и профиль учитывают все прохождения; каждая версия ранжируется отдельно.
report-note-not_installed = Этот сценарий здесь не установлен или не проходит проверку: его названия и выборы по ситуациям показать нельзя.
report-note-no_choices = Выборы по ситуациям восстанавливаются повтором прохождений на установленном сценарии, а его здесь нет.
report-note-other_version = { $count } из { $total } { $total ->
        [one] прохождения
       *[other] прохождений
    } { $count ->
        [one] сыграно
       *[other] сыграны
    } на другой версии сценария, чем установленная: их выборы прочитать нельзя, ниже они не учтены.
report-note-all_other_version = Все прохождения сыграны на другой версии сценария, чем установленная: выборы по ситуациям из них прочитать нельзя.
report-note-failed = { $count } { $count ->
        [one] прохождение не удалось
        [few] прохождения не удалось
       *[other] прохождений не удалось
    } повторить на установленном сценарии; ниже они не учтены.
report-note-no_decisions = Решений для показа нет.
report-note-unreached = Ни в одном прохождении не встретились: { $events }.
report-error-since = --since ожидает дату в виде ГГГГ-ММ-ДД, а не «{ $value }».
report-error-no_leaderboard = в { $folder } ещё нет таблицы лидеров: отчитываться не о чем.
report-error-empty = в таблице лидеров ещё нет завершённых прохождений: отчитываться не о чем.
report-error-unknown = в таблице лидеров нет прохождений «{ $scenario }» (сценарии с прохождениями: { $known }).
report-error-none_since = с { $date } прохождений нет: отчитываться не о чем.
report-error-damaged = { $notice } Отчитываться не о чем.
report-error-write = не удаётся записать отчёт в { $folder }: { $reason }
report-written = Отчёт по группе записан в { $path } ({ $plays } { $plays ->
        [one] прохождение
        [few] прохождения
       *[other] прохождений
    }, { $scenarios } { $scenarios ->
        [one] сценарий
        [few] сценария
       *[other] сценариев
    }).

## Строки таблицы лидеров: повреждённые, сыгранные стратегией или по сценарию, другим движком

report-mode_heading = { $heading } — { $mode }
report-mode-scripted = запуски с заранее заданными решениями
report-mode-policy = играла стратегия «{ $policy }»
report-note-damaged = Строка №{ NUMBER($id, useGrouping: 0) } таблицы лидеров повреждена и не учтена: { $problem }
report-note-other_modes = Не { $count ->
        [one] учтён { $count } запуск, сыгранный
        [few] учтены { $count } запуска, сыгранных
       *[other] учтено { $count } запусков, сыгранных
    } стратегией или по заданным решениям; добавьте --all, чтобы показать их, каждый вид в своём разделе.
report-note-other_engine = { $count } из { $total } { $total ->
        [one] прохождения
       *[other] прохождений
    } { $count ->
        [one] записано
       *[other] записаны
    } другой версией движка игры, поэтому их выборы ниже не показаны; в таблице они ранжируются отдельно.
report-ranking_engine = Рейтинг внутри версии { $version }, записанной движком { $engine } ({ $plays } { $plays ->
        [one] прохождение
        [few] прохождения
       *[other] прохождений
    }): результаты разных версий и движков не смешиваются.
report-heading-players = Все участники
report-col-best = Лучший балл
report-col-runs = Прохождений
report-player-title = { $name }: прохождения и разбор
report-player-back = ← К отчёту по группе
report-player-meta = { $runs } { $runs ->
        [one] прохождение
        [few] прохождения
       *[other] прохождений
    }, по сценариям, лучшие первыми.
report-player-what_ifs_note = Ключевые моменты и «что было бы, если» рассчитаны только для лучшего прохождения каждого сценария: для каждого переигрывается каждый вариант, который был на выбор.
report-player-run = { $scenario } — результат { $score }
report-player-run_meta = Концовка: { $ending } · сыграно { $date } (UTC)
report-player-decisions = Решения по порядку
report-player-principles = Применённые и нарушенные принципы
report-player-principle = Принцип
report-player-counts_note = Сколько раз каждый принцип применялся и сколько раз нарушался, в одном масштабе.
report-player-net_note = Применения минус нарушения, как они сохранены с прохождением (здесь его нельзя переиграть).
report-player-moments = Ключевые моменты и «что было бы, если»
report-player-people = Что стало с командой
report-player-not_installed = Этот сценарий здесь больше не установлен: решения и ключевые моменты показать нельзя.
report-player-other_version = Это прохождение сыграно на версии { $version } сценария, которая здесь больше не установлена: решения и ключевые моменты показать нельзя.
report-player-other_engine = Это прохождение записано движком { $engine }, другой версией движка игры: его решения здесь не переиграть.
report-player-failed = Журнал этого прохождения больше не переигрывается на установленном сценарии: решения показать нельзя.
