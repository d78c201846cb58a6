# The debrief: `leadsim replay`, the end of a terminal game and the window's debrief.

text-debrief-title = Разбор: { $title }
text-debrief-profile = Ваш профиль руководителя
text-debrief-profile_note = (сколько раз принцип применён минус сколько раз нарушен)
text-debrief-profile_empty = Ни один принцип не был ни применён, ни нарушен.
text-debrief-functions = Четыре функции менеджера: { $values }
text-debrief-key_moments = Ключевые моменты (решения, которые сильнее всего повлияли на итог)
text-debrief-no_moments = Ни в одном решении не было альтернативы.
text-debrief-moment = { $number }. Решение { $turn }, { $event }
text-debrief-you_did = Вы выбрали: { $choice }
text-debrief-happened = Что произошло: { $outcome }
text-debrief-instead = Если бы вы выбрали «{ $choice }»: итог { $score } вместо { $actual } (финал: { $ending })
text-debrief-applied = + { $name }: { $why }
text-debrief-violated = − { $name } (нарушен): { $why }
text-debrief-timeline = Команда по ходу игры
text-debrief-decisions = решение
text-debrief-people = Что стало с вашими людьми
text-debrief-left_after = ушёл из команды после решения { $turn }
text-debrief-burned_out = выгорел
text-debrief-trust_rose = доверие к вам выросло ({ $change })
text-debrief-trust_fell = доверие к вам упало ({ $change })
text-debrief-steady = держится ровно
