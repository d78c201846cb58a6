# Разбор игры: `leadsim replay`, конец игры в терминале и разбор в окне.

text-debrief-title = Разбор: { $title }

## Профиль руководителя

text-debrief-profile = Ваш профиль руководителя
text-debrief-profile_empty = Ни один принцип не был ни применён, ни нарушен.
text-debrief-function = { $name } { $value }
text-debrief-functions = Четыре функции менеджера: { $values }

## Ключевые моменты

text-debrief-key_moments = Ключевые моменты: ваши самые дорогие ошибки и решения, которые сильнее всего повлияли на итог
text-debrief-no_moments = Ни один другой вариант не изменил бы итог хотя бы на балл.
text-debrief-moment = { $number }. Решение { $turn }, { $event }
text-debrief-quoted = «{ $name }»
text-debrief-costly = Дорогое решение: другой вариант дал бы на { $points } { $points ->
        [one] балл
        [few] балла
       *[other] баллов
    } больше.
text-debrief-broke_at_cost = { $principles_gender ->
        [masculine] Здесь нарушен
        [feminine] Здесь нарушена
        [neuter] Здесь нарушено
       *[plural] Здесь нарушены
    } { $principles }, а вариант без нарушений принципов дал бы на { $points } { $points ->
        [one] балл
        [few] балла
       *[other] баллов
    } больше.
text-debrief-good_call = Удачное решение: любой другой вариант стоил бы вам до { $points } { $points ->
        [one] балла
       *[other] баллов
    }.
text-debrief-you_did = Вы выбрали: { $choice }
text-debrief-happened = Что произошло: { $outcome }
text-debrief-applied = + { $name } ({ $name_gender ->
        [masculine] применён
        [feminine] применена
        [neuter] применено
        [plural] применены
       *[other] принцип применён
    }): { $why }
text-debrief-violated = − { $name } ({ $name_gender ->
        [masculine] нарушен
        [feminine] нарушена
        [neuter] нарушено
        [plural] нарушены
       *[other] принцип нарушен
    }): { $why }
text-debrief-instead = Если бы вы выбрали «{ $choice }»: итог { $score } вместо { $actual } (финал: { $ending })
text-debrief-alt_breaks = Но при этом { $principles_gender ->
        [masculine] был бы нарушен
        [feminine] была бы нарушена
        [neuter] было бы нарушено
       *[plural] были бы нарушены
    } { $principles }.
text-debrief-no_ending = пока нет

## Команда по ходу игры

text-debrief-timeline = Команда по ходу игры
text-debrief-decisions = решение
text-debrief-trend = { NUMBER($start, minimumFractionDigits: 2, maximumFractionDigits: 2) } → { NUMBER($end, minimumFractionDigits: 2, maximumFractionDigits: 2) }

## Что стало с каждым — так, как это записал движок

text-debrief-people = Что стало с вашими людьми
text-debrief-person = { $name }: { $facts }
text-debrief-quit = { $name_gender ->
        [feminine] ушла по собственному желанию после решения { $turn }
        [masculine] ушёл по собственному желанию после решения { $turn }
       *[other] уход по собственному желанию после решения { $turn }
    }
text-debrief-burnout = { $name_gender ->
        [feminine] выгорела и ушла после решения { $turn }
        [masculine] выгорел и ушёл после решения { $turn }
       *[other] выгорание и уход после решения { $turn }
    }
text-debrief-let_go = { $name_gender ->
        [feminine] вы расстались с ней после решения { $turn }
        [masculine] вы расстались с ним после решения { $turn }
       *[other] расставание по вашей инициативе после решения { $turn }
    }
text-debrief-away = к финалу временно отсутствует
text-debrief-not_joined = { $name_gender ->
        [feminine] так и не пришла в команду
        [masculine] так и не пришёл в команду
       *[other] до прихода в команду дело не дошло
    }
text-debrief-trust_rose = доверие к вам выросло ({ $change })
text-debrief-trust_fell = доверие к вам упало ({ $change })
text-debrief-morale_rose = настрой улучшился ({ $change })
text-debrief-morale_fell = настрой упал ({ $change })
text-debrief-stress_rose = стресс вырос ({ $change })
text-debrief-stress_fell = стресс снизился ({ $change })
text-debrief-steady = { $name_gender ->
        [feminine] держалась ровно
        [masculine] держался ровно
       *[other] без заметных перемен
    }
